/** Why a host needs a second look (invisible characters, mixed scripts ...), from the server's flags. */
export function FlagBadges({ flags, compact }: { flags: string[]; compact?: boolean }) {
  return (
    <span className="flag-badges">
      {flags.map((flag) => (
        <span key={flag} className="badge tone-warning" title={flag.replace(/_/g, ' ')}>
          {compact ? '⚠' : `⚠ ${flag.replace(/_/g, ' ')}`}
        </span>
      ))}
    </span>
  );
}
