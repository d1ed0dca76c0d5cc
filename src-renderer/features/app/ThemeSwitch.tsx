import { Icon, type IconName } from '../../components/Icon';
import { type ThemeChoice, useApp } from './appStore';

const CHOICES: [ThemeChoice, IconName, string][] = [
  ['light', 'sun', 'Light theme'],
  ['system', 'monitor', 'Follow system theme'],
  ['dark', 'moon', 'Dark theme'],
];

/** Light / system / dark, as a small segmented control. */
export function ThemeSwitch() {
  const theme = useApp((s) => s.theme);
  const setTheme = useApp((s) => s.setTheme);
  return (
    <div className="segmented" role="radiogroup" aria-label="Theme">
      {CHOICES.map(([value, icon, label]) => (
        <button key={value} type="button" role="radio" aria-checked={theme === value} className={`segment ${theme === value ? 'is-active' : ''}`} onClick={() => setTheme(value)} title={label} aria-label={label}>
          <Icon name={icon} size={14} />
        </button>
      ))}
    </div>
  );
}
