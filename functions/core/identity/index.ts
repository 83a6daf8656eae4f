export { maskPersonName } from "./person-name";
export { realNameSchema } from "./real-name-schema";
export {
  type Gender,
  maskResidentId,
  parseResidentId,
  type ResidentId,
  type ResidentIdProblem,
  type ResidentIdResult,
  residentIdCheckCharacter,
} from "./resident-id";
export { residentIdSchema } from "./resident-id-schema";
