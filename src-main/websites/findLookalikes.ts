import { WATCHED_BRANDS, foldAsciiSkeleton, isAllConfusableWithLatin, toLatinLookalike } from './confusables';

export type LookalikeFlag = 'mixed-script' | 'whole-script-confusable' | 'brand-lookalike';

export interface LookalikeFinding {
  flag: LookalikeFlag;
  reason: string;
}

// Scripts a domain label is likely to use. A letter in none of them is reported as 'another'.
// Common (digits, '-', the Japanese long-vowel mark) and Inherited (combining marks) are neutral.
const SCRIPTS: ReadonlyArray<readonly [string, RegExp]> = [
  ['Latin', /\p{Script=Latin}/u],
  ['Cyrillic', /\p{Script=Cyrillic}/u],
  ['Greek', /\p{Script=Greek}/u],
  ['Armenian', /\p{Script=Armenian}/u],
  ['Han', /\p{Script=Han}/u],
  ['Hiragana', /\p{Script=Hiragana}/u],
  ['Katakana', /\p{Script=Katakana}/u],
  ['Hangul', /\p{Script=Hangul}/u],
  ['Bopomofo', /\p{Script=Bopomofo}/u],
  ['Arabic', /\p{Script=Arabic}/u],
  ['Hebrew', /\p{Script=Hebrew}/u],
  ['Georgian', /\p{Script=Georgian}/u],
  ['Cherokee', /\p{Script=Cherokee}/u],
  ['Devanagari', /\p{Script=Devanagari}/u],
  ['Thai', /\p{Script=Thai}/u],
];
const NEUTRAL = /[\p{Script=Common}\p{Script=Inherited}]/u;

// UTS #39 "highly restrictive": these script mixes are normal writing, not spoofing.
const ALLOWED_MIXES: ReadonlyArray<ReadonlySet<string>> = [
  new Set(['Latin', 'Han', 'Hiragana', 'Katakana']),
  new Set(['Latin', 'Han', 'Bopomofo']),
  new Set(['Latin', 'Han', 'Hangul']),
];

// Every brand by skeleton (for whole-label and hyphen-part equality), and one regular expression
// over the skeletons of brands of 5+ letters (for containment): one scan per label instead of a
// loop over brands.
const BRAND_BY_SKELETON = new Map(WATCHED_BRANDS.map((brand) => [foldAsciiSkeleton(brand), brand] as const));
const LONG_SKELETONS = WATCHED_BRANDS.filter((b) => b.length >= 5).map(foldAsciiSkeleton);
const CONTAINS_BRAND = new RegExp(LONG_SKELETONS.join('|'));
const CONTAINS_BRAND_ALL = new RegExp(LONG_SKELETONS.join('|'), 'g');
const ASCII_ONLY = /^[\x00-\x7f]*$/;

function scriptsOf(label: string): Set<string> {
  const scripts = new Set<string>();
  for (const ch of label) {
    if (NEUTRAL.test(ch)) continue;
    const hit = SCRIPTS.find(([, re]) => re.test(ch));
    scripts.add(hit ? hit[0] : 'another');
  }
  return scripts;
}

function isAllowedMix(scripts: Set<string>): boolean {
  if (scripts.size <= 1) return true;
  return ALLOWED_MIXES.some((allowed) => [...scripts].every((s) => allowed.has(s)));
}

/**
 * The watched brand that `label` imitates without spelling it, or null. `latin` is the label with
 * confusable letters already mapped to Latin (the label itself when it is ASCII).
 */
export function brandImitatedBy(label: string, latin: string = label): string | null {
  const skeleton = foldAsciiSkeleton(latin);
  const whole = BRAND_BY_SKELETON.get(skeleton);
  if (whole !== undefined && !label.includes(whole)) return whole;
  if (CONTAINS_BRAND.test(skeleton)) {
    for (const match of skeleton.matchAll(CONTAINS_BRAND_ALL)) {
      const brand = BRAND_BY_SKELETON.get(match[0])!;
      if (!label.includes(brand)) return brand;
    }
  }
  if (latin.includes('-')) {
    for (const part of latin.split('-')) {
      const brand = BRAND_BY_SKELETON.get(foldAsciiSkeleton(part));
      if (brand !== undefined && !label.includes(brand)) return brand;
    }
  }
  return null;
}

export function brandLookalikeReason(label: string, brand: string): string {
  return `label "${label}" imitates "${brand}" with look-alike characters`;
}

/**
 * Look-alike checks on the labels a person reads (subdomain and registrable label, Unicode form;
 * not the public suffix). Findings are advice for the investigator, never a reason to reject.
 */
export function findLookalikes(labels: readonly string[]): LookalikeFinding[] {
  const findings: LookalikeFinding[] = [];
  for (const label of labels) {
    if (ASCII_ONLY.test(label)) {
      const brand = brandImitatedBy(label);
      if (brand) {
        findings.push({ flag: 'brand-lookalike', reason: brandLookalikeReason(label, brand) });
      }
      continue;
    }
    const scripts = scriptsOf(label);
    if (!isAllowedMix(scripts)) {
      findings.push({
        flag: 'mixed-script',
        reason: `label "${label}" mixes ${[...scripts].sort().join(' and ')} letters`,
      });
    } else if (scripts.size === 1 && !scripts.has('Latin') && isAllConfusableWithLatin(label)) {
      findings.push({
        flag: 'whole-script-confusable',
        reason: `label "${label}" is written in ${[...scripts][0]} letters that all look like Latin: reads as "${toLatinLookalike(label)}"`,
      });
    }
    const brand = brandImitatedBy(label, toLatinLookalike(label));
    if (brand) {
      findings.push({ flag: 'brand-lookalike', reason: brandLookalikeReason(label, brand) });
    }
  }
  return findings;
}
