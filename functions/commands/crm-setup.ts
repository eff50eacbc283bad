/** `npm run crm:setup`: provisions the HubSpot account for the site's deliveries (functions/delivery/hubspot/setup.ts). */
import { createHubSpotClient } from '#functions/delivery/hubspot/client.ts';
import { hubSpotFailureOutcome } from '#functions/delivery/hubspot/outcome.ts';
import { setUpHubSpot, setupSummary } from '#functions/delivery/hubspot/setup.ts';
import { type CommandContext, exitCode, noArguments, runStaffCommand } from './staff-command.ts';

const usage = `Usage: npm run crm:setup

Creates what the site's deliveries need in HubSpot and is not there yet: the clinic_website property group,
the contact, deal and ticket properties, the "Website appointment requests" deal pipeline and the "Privacy
requests" ticket pipeline; adds new branches, time windows and request types to their choice properties.
Running it again creates nothing. Run it once per account, and again after adding a branch.

Reads HUBSPOT_ACCESS_TOKEN (a private app's token, required) and HUBSPOT_BASE_URL (another API address).

Options:
  -h, --help          show this help

Exit codes: 0 done, 1 HubSpot failed (running it again is safe), 2 wrong usage or no token.`;

async function main(args: string[], context: CommandContext): Promise<number> {
  const { settings } = context;
  const refused = noArguments(context, usage, args);
  if (refused !== undefined) return refused;
  const accessToken = settings.HUBSPOT_ACCESS_TOKEN;
  if (!accessToken) {
    context.err(
      'HUBSPOT_ACCESS_TOKEN is not set: set it to the access token of a HubSpot private app that may read and ' +
        'write contacts, deals, tickets and their schemas.',
    );
    return exitCode.usage;
  }
  const client = createHubSpotClient({
    accessToken,
    ...(settings.HUBSPOT_BASE_URL && { basePath: settings.HUBSPOT_BASE_URL }),
  });
  try {
    context.out(setupSummary(await setUpHubSpot(client)));
    return exitCode.done;
  } catch (error) {
    context.err(`HubSpot setup stopped (running it again is safe): ${hubSpotFailureOutcome(error).error}`);
    return exitCode.failed;
  }
}

await runStaffCommand({ name: 'crm:setup', usage, main });
