/**
 * Where new records go: the first stage of a pipeline `crm:setup` made (properties.ts), the appointments
 * pipeline for deals and the privacy requests pipeline for tickets. HubSpot generates pipeline and stage ids,
 * so they are looked up by the pipeline's label on first use and kept for the life of the process; a restart
 * picks up a pipeline set up again.
 */
import type { Client } from '@hubspot/api-client';
import type { Pipeline } from '@hubspot/api-client/lib/codegen/crm/pipelines/index.js';

export type PipelineObjectType = 'deals' | 'tickets';

export interface PipelineStart {
  pipelineId: string;
  firstStageId: string;
}

/** The site's pipeline of that label, unless someone archived it. */
export function isPipelineLabelled(label: string): (pipeline: Pipeline) => boolean {
  return (pipeline) => !pipeline.archived && pipeline.label === label;
}

/** Undefined while the pipeline does not exist, which is looked up again on the next call. */
export function pipelineLookup(
  client: Client,
  objectType: PipelineObjectType,
  label: string,
): () => Promise<Pipeline | undefined> {
  let found: Pipeline | undefined;
  return async () => {
    found ??= (await client.crm.pipelines.pipelinesApi.getAll(objectType)).results.find(isPipelineLabelled(label));
    return found;
  };
}

export function pipelineStartLookup(
  client: Client,
  objectType: PipelineObjectType,
  label: string,
): () => Promise<PipelineStart | undefined> {
  const findPipeline = pipelineLookup(client, objectType, label);
  return async () => {
    const pipeline = await findPipeline();
    const [firstStage] = (pipeline?.stages ?? [])
      .filter((stage) => !stage.archived)
      .toSorted((first, second) => first.displayOrder - second.displayOrder);
    return pipeline && firstStage && { pipelineId: pipeline.id, firstStageId: firstStage.id };
  };
}

/** The ids of the pipeline's stages of these labels. */
export const stageIdsLabelled = (pipeline: Pipeline, labels: readonly string[]): string[] =>
  pipeline.stages.filter((stage) => labels.includes(stage.label)).map((stage) => stage.id);
