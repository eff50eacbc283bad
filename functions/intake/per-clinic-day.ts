/** The clinic's today, and what is built from it, made again only when the day (or what else it is built from) changes. */
import { todayInClinic } from '#functions/clinic/clinic-today.ts';

export function perClinicDay<Input, Output>(
  input: () => Promise<Input>,
  build: (today: string, input: Input) => Output,
): (moment: Date) => Promise<Output> {
  let built: { today: string; input: Input; output: Output } | undefined;
  return async (moment) => {
    const current = await input();
    const today = todayInClinic(moment);
    if (built?.today !== today || built.input !== current)
      built = { today, input: current, output: build(today, current) };
    return built.output;
  };
}
