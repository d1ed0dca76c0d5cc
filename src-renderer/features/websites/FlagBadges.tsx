/** Plain words for the server's site flags (src-main/websites/NormalizedSite.ts SITE_FLAGS). */
const FLAG_TEXT: Record<string, string> = {
  'invisible-characters': 'Invisible characters',
  'bidi-control': 'Right-to-left controls',
  'compatibility-mapped': 'Characters mapped by IDNA',
  'mixed-script': 'Mixed scripts',
  'whole-script-confusable': 'Look-alike script',
  'brand-lookalike': 'Imitates a brand',
  userinfo: 'user@ before the host',
  defanged: 'Entered defanged',
  'percent-encoded-host': 'Percent-encoded host',
  'non-standard-ip': 'Unusual IP notation',
  'special-use': 'Special-use name',
  'unknown-tld': 'Unknown TLD',
  'platform-subdomain': 'Platform subdomain',
};

export function flagText(flag: string): string {
  return FLAG_TEXT[flag] ?? flag.replace(/[-_]/g, ' ');
}

/** Why a host needs a second look (look-alike letters, hidden characters ...). */
export function FlagBadges({ flags, compact }: { flags: string[]; compact?: boolean }) {
  if (compact) {
    return (
      <span className="badge tone-warning" title={flags.map(flagText).join('\n')}>
        ⚠ {flags.length === 1 ? flagText(flags[0]!) : `${flags.length} warnings`}
      </span>
    );
  }
  return (
    <span className="flag-badges">
      {flags.map((flag) => (
        <span key={flag} className="badge tone-warning">
          ⚠ {flagText(flag)}
        </span>
      ))}
    </span>
  );
}
