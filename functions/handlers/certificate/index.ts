import { createHandlerGroup } from "../../http/handler-group";
import { downloadRoutes } from "./download";
import { verificationRoutes } from "./verification";

// Its own function: the PDF library, fontkit and the font stay out of the applicant's hot path.
export const handler = createHandlerGroup([...downloadRoutes, ...verificationRoutes]);
