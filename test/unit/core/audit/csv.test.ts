import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  AUDIT_COLUMNS,
  type AuditRecord,
  auditCsvHeader,
  auditCsvLine,
  CSV_BOM,
  csvField,
  csvLine,
  neutraliseFormula,
} from "../../../../functions/core/audit";

/** A strict RFC 4180 reader, to read back what the writer wrote. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text.charAt(index);
    if (quoted) {
      if (char === '"' && text.charAt(index + 1) === '"') {
        field += '"';
        index += 1;
      } else if (char === '"') {
        quoted = false;
      } else {
        field += char;
      }
    } else if (char === '"' && field === "") {
      quoted = true;
    } else if (char === ",") {
      row.push(field);
      field = "";
    } else if (char === "\r" && text.charAt(index + 1) === "\n") {
      rows.push([...row, field]);
      row = [];
      field = "";
      index += 1;
    } else {
      if (char === '"' || char === "\r" || char === "\n") throw new Error(`bare ${JSON.stringify(char)}`);
      field += char;
    }
  }
  if (field !== "" || row.length > 0) throw new Error("last record has no line end");
  return rows;
}

const record = (overrides: Partial<AuditRecord> = {}): AuditRecord => ({
  trail: "application",
  entity: "ROUND#2024#G2#APP#a1",
  roundId: "2024",
  generation: 2,
  applicationId: "a1",
  at: "2024-11-06T02:00:00.000Z",
  action: "cancel",
  actor: "office-1",
  role: "office_admin",
  org: null,
  fromState: "received",
  toState: "cancelled",
  reason: "提供虚假的论文检索证明",
  detail: { blacklistEntryId: "e1" },
  ...overrides,
});

describe("CSV of the audit export (RFC 4180, DESIGN.md §10)", () => {
  it("leaves plain text, Chinese included, as it is", () => {
    expect(csvField("cancel")).toBe("cancel");
    expect(csvField("兰州市职工培训教育中心（演示单位）")).toBe("兰州市职工培训教育中心（演示单位）");
    expect(csvField("")).toBe("");
  });

  it("quotes a field holding a comma, a quote or a line break, and doubles its quotes", () => {
    expect(csvField("甲,乙")).toBe('"甲,乙"');
    expect(csvField('他说"假的"')).toBe('"他说""假的"""');
    expect(csvField("第一行\n第二行")).toBe('"第一行\n第二行"');
    expect(csvField("第一行\r\n第二行")).toBe('"第一行\r\n第二行"');
  });

  it.each(["=", "+", "-", "@", "\t", "\r"])(
    "neutralises a cell starting with %j: it reads as text",
    (start) => {
      expect(neutraliseFormula(`${start}1+1`)).toBe(`'${start}1+1`);
      expect(csvField(`${start}SUM(A1)`).replace(/^"/, "").startsWith("'")).toBe(true);
    },
  );

  it("neutralises an injected formula and still quotes it correctly", () => {
    expect(csvField('=HYPERLINK("http://x.example","点此")')).toBe(
      '"\'=HYPERLINK(""http://x.example"",""点此"")"',
    );
    expect(csvField("正常文字=1+1")).toBe("正常文字=1+1");
    expect(csvField(" =1")).toBe(" =1");
  });

  it("ends each record with CRLF", () => {
    expect(csvLine(["a", "b,c", ""])).toBe('a,"b,c",\r\n');
  });

  it("reads back exactly what it wrote, whatever the text (formula starts apart)", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: "binary" }), { minLength: 1, maxLength: 6 }), (fields) => {
        expect(parseCsv(csvLine(fields))).toEqual([fields.map(neutraliseFormula)]);
      }),
    );
  });

  it("opens with the byte order mark and the header, then one line per record in the column order", () => {
    const header = auditCsvHeader();
    expect(header.startsWith(CSV_BOM)).toBe(true);
    expect(Buffer.from(header, "utf8").subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const [columns, values] = parseCsv(
      header.slice(1) + auditCsvLine(record({ reason: "=cmd|' /C calc'!A0", detail: { note: "a,b" } })),
    );
    expect(columns).toEqual([...AUDIT_COLUMNS]);
    const cell = (name: (typeof AUDIT_COLUMNS)[number]) => values?.[AUDIT_COLUMNS.indexOf(name)];
    expect(cell("generation")).toBe("2");
    expect(cell("org")).toBe("");
    expect(cell("reason")).toBe("'=cmd|' /C calc'!A0");
    expect(JSON.parse(cell("detail") ?? "")).toEqual({ note: "a,b" });
  });
});
