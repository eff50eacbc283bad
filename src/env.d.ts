declare namespace Astro {
  interface ClientDirectives {
    /** Hydrate on the first focus, touch or input inside the island (src/islands/interaction-directive.ts). */
    'client:interaction'?: boolean;
  }
}

declare namespace App {
  interface Locals {
    /** The site's services, made once per process by the Node server (functions/http/server.ts). */
    site?: import('#functions/http/site.ts').Site;
    /** The visitor's address, read behind the trusted proxies (functions/http/client-address.ts). */
    clientAddress?: string;
  }
}
