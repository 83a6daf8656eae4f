import * as z from "zod/mini";
import zhCN from "zod/v4/locales/zh-CN.js";

// zod/mini ships no messages ("Invalid input"); a field whose schema gives no message of its own is
// still explained in Chinese.
z.config(zhCN());
