// Formatting that never rounds an amount: amounts arrive as exact decimal strings (see api.js).

/** "1234567.8" to "1,234,567.80"; grouping only, the digits are the service's. */
export function money(value) {
  if (value === null || value === undefined) {
    return '–';
  }
  const text = String(value);
  const negative = text.startsWith('-');
  const [whole, fraction = ''] = (negative ? text.slice(1) : text).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${grouped}.${fraction.padEnd(2, '0')}`;
}

export function count(value) {
  return value === null || value === undefined ? '–' : String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** A fraction with four decimals ("0.1234") as a percentage ("12.34%"); "–" when there is none. */
export function percent(value) {
  if (value === null || value === undefined) {
    return '–';
  }
  return `${(Number(value) * 100).toFixed(2)}%`;
}

export function today() {
  return new Date().toISOString().slice(0, 10);
}

export function currentMonth() {
  return today().slice(0, 7);
}

/** The last day of a yyyy-MM month, as yyyy-MM-dd. */
export function monthEnd(month) {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/** An axis label: 1.2 bn / 3.4 m in English, 12亿 / 3.4万 in Chinese (charts only; figures stay exact). */
export function compact(value, lang) {
  const abs = Math.abs(value);
  const [big, bigUnit, small, smallUnit] = lang === 'zh' ? [1e8, '亿', 1e4, '万'] : [1e9, ' bn', 1e6, ' m'];
  const shown = (n, unit) => `${Number(n.toPrecision(3)).toLocaleString('en-US')}${unit}`;
  if (abs >= big) {
    return shown(value / big, bigUnit);
  }
  if (abs >= small) {
    return shown(value / small, smallUnit);
  }
  return value.toLocaleString('en-US');
}
