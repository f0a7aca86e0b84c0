//! Reading without a network: the service worker (`tools/sw.js`, built by
//! `tools/service-worker.mjs` with Workbox) and what the app asks of it.
pub(crate) mod service_worker;
