import { createHandlerGroup } from "../../http/handler-group";
import { directoryRoutes } from "./directory";
import { publicRoundRoutes } from "./rounds";

export const handler = createHandlerGroup([...publicRoundRoutes, ...directoryRoutes]);
