/** `2025-01-07` → `2025年1月7日`, as a date is written on a certificate and under a seal. */
export function chineseDate(isoDate: string): string {
  const [year, month, day] = isoDate.split("-").map(Number);
  return `${year}年${month}月${day}日`;
}
