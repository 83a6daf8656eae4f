export { chineseDate } from "./chinese-date";
export { certificateVerificationUrl, parseVerificationBaseUrl } from "./verification-url";
