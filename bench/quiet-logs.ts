// Imported first by main.ts: the functions' logger reads its level when its module loads, and the
// workflow's INFO lines would bury the bench's own output.
process.env.POWERTOOLS_LOG_LEVEL ??= "ERROR";
