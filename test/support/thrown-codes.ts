import { readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import ts from "typescript";
import { ERROR_CATALOGUE } from "../../functions/core/error-catalogue";
import { ACTIONS, TRANSITIONS } from "../../functions/core/lifecycle";

/**
 * The error codes each route's code can throw, found by reading the code: from the function a handler
 * group binds to a route (`route(spec, run)`), everything it reaches — functions it calls, methods of
 * repositories, constants it reads — is searched for catalogue codes. The lifecycle is read per action:
 * a route reaches the guards of the actions it names (`TRANSITIONS`), not every guard of the table.
 * It over-approximates (a code in a branch the route never takes still counts) and cannot see through
 * an interface to its implementations; the handler group's run-time check covers what it misses.
 */
const ROOT = resolve(import.meta.dirname, "../..");
const CODES = new Set(Object.keys(ERROR_CATALOGUE));
const ACTION_NAMES = new Set<string>(ACTIONS);
/** Where codes are data — the catalogue and the routes' lists of them — not something thrown. */
const DATA_FILES = [
  "functions/core/error-catalogue.ts",
  "functions/http/routes/",
  "functions/http/route-errors.ts",
];
/** Tables read per action below, never as a whole. */
const PER_ACTION_TABLES = new Set(["GUARDS", "TRANSITIONS"]);

function createProgram(): ts.Program {
  const config = ts.readConfigFile(join(ROOT, "tsconfig.json"), ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT);
  const handlers = join(ROOT, "functions/handlers");
  const roots = readdirSync(handlers).map((group) => join(handlers, group, "index.ts"));
  return ts.createProgram(roots, { ...options, noEmit: true });
}

export function thrownCodesByOperation(): Map<string, Set<string>> {
  const program = createProgram();
  const checker = program.getTypeChecker();
  const inFunctions = (node: ts.Node) => {
    const file = node.getSourceFile().fileName;
    return file.startsWith(join(ROOT, "functions/")) && !DATA_FILES.some((data) => file.includes(data));
  };

  const declarationsOf = (node: ts.Node): ts.Declaration[] => {
    let symbol = checker.getSymbolAtLocation(node);
    if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
    return (symbol?.declarations ?? []).filter(inFunctions);
  };

  const bodyOf = (declaration: ts.Declaration): ts.Node | undefined => {
    if (ts.isFunctionLike(declaration)) return declaration;
    if (
      (ts.isVariableDeclaration(declaration) ||
        ts.isPropertyAssignment(declaration) ||
        ts.isPropertyDeclaration(declaration)) &&
      declaration.initializer
    ) {
      return PER_ACTION_TABLES.has(declaration.name.getText()) ? undefined : declaration.initializer;
    }
    return undefined;
  };

  const catalogue = program
    .getSourceFiles()
    .find((file) => file.fileName.endsWith("functions/core/error-catalogue.ts"));
  const errorCodeSymbol =
    catalogue && checker.getSymbolAtLocation(catalogue)?.exports?.get("ErrorCode" as ts.__String);
  if (!errorCodeSymbol) throw new Error("ErrorCode not found in functions/core/error-catalogue.ts");
  const errorCode = checker.getDeclaredTypeOfSymbol(errorCodeSymbol);
  /**
   * A literal spelled like a code that goes where something else is expected — an eligibility
   * failure's code, say BLACKLISTED in a rule table — is data, not an error thrown.
   */
  const mayBeThrown = (literal: ts.StringLiteralLike) => {
    const expected = checker.getContextualType(literal);
    return !expected || checker.isTypeAssignableTo(expected, errorCode);
  };

  const actionsFile = program
    .getSourceFiles()
    .find((file) => file.fileName.endsWith("functions/core/lifecycle/actions.ts"));
  const actionSymbol =
    actionsFile && checker.getSymbolAtLocation(actionsFile)?.exports?.get("Action" as ts.__String);
  if (!actionSymbol) throw new Error("Action not found in functions/core/lifecycle/actions.ts");
  const actionType = checker.getDeclaredTypeOfSymbol(actionSymbol);
  /** An action's name where an action is expected; the same word in a schema's enum or a comparison is not. */
  const namesAnAction = (literal: ts.StringLiteralLike) => {
    for (let node: ts.Node = literal; !ts.isSourceFile(node); node = node.parent) {
      if (ts.isCallExpression(node) && /^z\.(enum|literal)$/.test(node.expression.getText())) return false;
    }
    // `action === "return_by_department"` asks which action ran; it performs none.
    const { parent } = literal;
    if (
      ts.isBinaryExpression(parent) &&
      [ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken].includes(
        parent.operatorToken.kind,
      )
    )
      return false;
    const expected = checker.getContextualType(literal);
    return !expected || checker.isTypeAssignableTo(expected, actionType);
  };

  const reach = (start: ts.Node) => {
    const codes = new Set<string>();
    const actions = new Set<string>();
    const visited = new Set<ts.Node>();
    const pending = [start];
    for (let node = pending.pop(); node; node = pending.pop()) {
      if (visited.has(node)) continue;
      visited.add(node);
      const visit = (child: ts.Node) => {
        if (ts.isStringLiteral(child) || ts.isNoSubstitutionTemplateLiteral(child)) {
          if (CODES.has(child.text) && mayBeThrown(child)) codes.add(child.text);
          if (ACTION_NAMES.has(child.text) && namesAnAction(child)) actions.add(child.text);
        }
        // `repository.method`: the method is followed, not every method of the repository.
        const objectOfAccess =
          ts.isPropertyAccessExpression(child.parent) && child.parent.expression === child;
        if (ts.isIdentifier(child) && !objectOfAccess) {
          for (const declaration of declarationsOf(child)) {
            const body = bodyOf(declaration);
            if (body) pending.push(body);
          }
        }
        ts.forEachChild(child, visit);
      };
      visit(node);
    }
    return { codes, actions };
  };

  const guardCodes = new Map<string, Set<string>>();
  const byOperation = new Map<string, Set<string>>();
  const routeCalls: { spec: ts.Expression; run: ts.Expression }[] = [];
  for (const file of program.getSourceFiles()) {
    if (!inFunctions(file)) continue;
    const visit = (node: ts.Node) => {
      if (ts.isVariableDeclaration(node) && node.name.getText() === "GUARDS" && node.initializer) {
        let table: ts.Expression = node.initializer;
        while (!ts.isObjectLiteralExpression(table) && "expression" in table) {
          table = (table as ts.SatisfiesExpression).expression;
        }
        if (ts.isObjectLiteralExpression(table)) {
          for (const guard of table.properties) {
            if (guard.name) guardCodes.set(guard.name.getText(), reach(guard).codes);
          }
        }
      }
      if (
        ts.isCallExpression(node) &&
        ts.isIdentifier(node.expression) &&
        node.expression.text === "route" &&
        node.arguments.length === 2 &&
        file.fileName.includes("/functions/handlers/")
      ) {
        const [spec, run] = node.arguments;
        if (spec && run) routeCalls.push({ spec, run });
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }

  for (const { spec, run } of routeCalls) {
    const operationId = operationIdOf(checker, spec);
    const { codes, actions } = reach(run);
    for (const transition of TRANSITIONS) {
      if (!actions.has(transition.action)) continue;
      for (const guard of transition.guards) for (const code of guardCodes.get(guard) ?? []) codes.add(code);
    }
    byOperation.set(operationId, codes);
  }
  return byOperation;
}

/** The operationId of the spec a `route(spec, …)` call binds, read from its type. */
function operationIdOf(checker: ts.TypeChecker, spec: ts.Expression): string {
  const property = checker.getTypeAtLocation(spec).getProperty("operationId");
  const type = property && checker.getTypeOfSymbol(property);
  if (!type?.isStringLiteral()) throw new Error(`no literal operationId for ${spec.getText()}`);
  return type.value;
}
