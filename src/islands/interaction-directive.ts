/**
 * `client:interaction`: hydrates a form island when the visitor first focuses, touches or types in it. The forms
 * work without JavaScript, so until then the page runs none of theirs; what was typed before hydration stays,
 * as the island reads its fields from the page (see use-lead-form.tsx). A form sent before hydration is sent
 * as a plain form, which the server answers the same way.
 */
import type { ClientDirective } from 'astro';

const firstInteractions = ['focusin', 'pointerdown', 'input', 'change'] as const;

const hydrateOnInteraction: ClientDirective = (load, _options, island) => {
  const start = async () => {
    for (const type of firstInteractions) island.removeEventListener(type, start, true);
    const hydrate = await load();
    await hydrate();
  };
  for (const type of firstInteractions) island.addEventListener(type, start, { capture: true, passive: true });
  // Focused before this ran: a form sent back with errors focuses its summary as the page loads.
  if (island.contains(document.activeElement)) void start();
};

export default hydrateOnInteraction;
