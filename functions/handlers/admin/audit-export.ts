import type { BoundRoute } from "../../http/handler-group";

export const auditExportRoutes: BoundRoute[] = [];
