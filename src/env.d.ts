declare namespace App {
  interface Locals {
    /** The site's services, made once per process by the Node server (functions/http/server.ts). */
    site?: import('#functions/http/site.ts').Site;
  }
}
