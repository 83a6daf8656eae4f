import { createHandlerGroup } from "../../http/handler-group";
import { directoryRoutes } from "./directory";
import { noticeRoutes } from "./notices";
import { objectionRoutes } from "./objections";
import { publicRoundRoutes } from "./rounds";

export const handler = createHandlerGroup([
  ...publicRoundRoutes,
  ...directoryRoutes,
  ...noticeRoutes,
  ...objectionRoutes,
]);
