import { App, Validations } from "aws-cdk-lib";
import { AwsSolutionsChecks } from "cdk-nag";
import { buildStacks } from "./stacks/build";

const app = new App();
buildStacks(app);
// cdk-nag v3 runs as a policy-validation plugin: synth fails on any finding not acknowledged with a reason.
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
app.synth();
