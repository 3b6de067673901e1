import type { TokenCredential } from '@azure/identity';

let shared: TokenCredential | undefined;

/**
 * The app's Entra credential for Azure Storage (tables and the delivery queue): DefaultAzureCredential, i.e. the
 * App Service's managed identity in Azure. One per process, so every client shares its token cache (a readiness
 * probe's fresh queue client does not fetch a token of its own).
 *
 * @azure/identity is imported when a request first needs a token, not with the bot: with msal-node it is about
 * 4 MB of heap, which every major garbage collection marks, and an instance on a connection string (local, tests,
 * bench:turns) never needs it.
 */
export function storageCredential(): TokenCredential {
  shared ??= lazyDefaultAzureCredential();
  return shared;
}

function lazyDefaultAzureCredential(): TokenCredential {
  let loading: Promise<TokenCredential> | undefined;
  return {
    async getToken(scopes, options) {
      loading ??= import('@azure/identity').then(
        ({ DefaultAzureCredential }) => new DefaultAzureCredential(),
        (error: unknown) => {
          loading = undefined; // a failed import is tried again by the next request, not remembered
          throw error;
        },
      );
      return (await loading).getToken(scopes, options);
    },
  };
}
