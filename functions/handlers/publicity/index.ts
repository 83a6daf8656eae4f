import { createHandlerGroup } from "../../http/handler-group";
import { publicRoundRoutes } from "./rounds";

export const handler = createHandlerGroup([...publicRoundRoutes]);
