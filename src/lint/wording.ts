// How a title reads: whether it carries a quantity, whether it names a task. Shared by
// the wording rules (objective-has-number, key-result-is-task), in both languages.

/** Dates and quarter or half names are not the numbers objectives should leave to key results. */
const PERIOD_WORDS = /\b(?:Q[1-4]|H[12]|FY\s?\d{2,4}|(?:19|20)\d{2}|(?:quý|quarter|tháng|month)\s*\d{1,2})\b/giu;

/** How tasks open, in English and Vietnamese: a key result that starts so is an initiative. */
const TASK_VERBS = [
  'implement', 'launch', 'build', 'create', 'develop', 'set up', 'setup', 'organise', 'organize', 'hold', 'conduct',
  'write', 'design', 'deploy', 'migrate', 'hire', 'prepare', 'run ', 'do ', 'make ', 'update', 'fix', 'work with', 'debug',
  'triển khai', 'xây dựng', 'tạo ', 'thiết lập', 'tổ chức', 'thực hiện', 'phát triển', 'làm ', 'viết', 'thiết kế', 'tuyển',
  'chuẩn bị', 'cập nhật', 'sửa', 'gỡ lỗi', 'làm việc với',
];

/** A title that opens with a task verb and has no number in it ("Build 40 articles" measures something). */
export function readsLikeTask(title: string): boolean {
  const t = title.normalize('NFC').trim().toLowerCase();
  if (/\d/.test(t)) return false;
  return TASK_VERBS.some((verb) => t.startsWith(verb));
}

/** A title with a number in it once dates and period names are left out. */
export function hasQuantity(title: string): boolean {
  return /\d/.test(title.normalize('NFC').replace(PERIOD_WORDS, ''));
}
