/**
 * Where new deals go: the first stage of the appointments pipeline. HubSpot generates pipeline and stage
 * ids, so they are looked up by the pipeline's label on first use and kept for the life of the process;
 * a restart picks up a pipeline set up again.
 */
import type { Client } from '@hubspot/api-client';
import type { Pipeline } from '@hubspot/api-client/lib/codegen/crm/pipelines/index.js';
import { appointmentPipeline } from './properties.ts';

export interface PipelineStart {
  pipelineId: string;
  firstStageId: string;
}

export function isAppointmentPipeline(pipeline: Pipeline): boolean {
  return !pipeline.archived && pipeline.label === appointmentPipeline.label;
}

/** Undefined while the pipeline does not exist, which is looked up again on the next call. */
export function appointmentPipelineLookup(client: Client): () => Promise<PipelineStart | undefined> {
  let found: PipelineStart | undefined;
  return async () => {
    found ??= await findPipelineStart(client);
    return found;
  };
}

async function findPipelineStart(client: Client): Promise<PipelineStart | undefined> {
  const { results } = await client.crm.pipelines.pipelinesApi.getAll('deals');
  const pipeline = results.find(isAppointmentPipeline);
  if (!pipeline) return undefined;
  const [firstStage] = pipeline.stages
    .filter((stage) => !stage.archived)
    .toSorted((first, second) => first.displayOrder - second.displayOrder);
  return firstStage && { pipelineId: pipeline.id, firstStageId: firstStage.id };
}
