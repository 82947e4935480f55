// SwiftGate landing page: shows GET <server>/info, or why it could not be fetched.

import { JanusClient } from "./janus-api.js";
import { serverFromQuery, absoluteServer, propagateServerParam, describeError } from "./server-url.js";

const $ = (id) => document.getElementById(id);
const server = serverFromQuery();

/** Fills a <ul> with "key: name (version)" lines from an info map (plugins, transports). */
function fillList(list, map) {
  list.replaceChildren();
  const entries = Object.entries(map ?? {});
  if (entries.length === 0) list.append(Object.assign(document.createElement("li"), { textContent: "none" }));
  for (const [key, value] of entries) {
    const li = document.createElement("li");
    const code = document.createElement("code");
    code.textContent = key;
    li.append(code, ` ${value?.name ?? ""}` + (value?.version_string ? ` ${value.version_string}` : ""));
    list.append(li);
  }
}

async function showInfo() {
  try {
    const info = await new JanusClient(server).info(5000);
    $("info-name").textContent = info.name ?? "?";
    $("info-version").textContent = `${info.version_string ?? "?"} (${info.version ?? "?"})`;
    $("info-server-name").textContent = info["server-name"] ?? "?";
    $("info-timeout").textContent = info["session-timeout"] !== undefined ? `${info["session-timeout"]} s` : "?";
    fillList($("info-plugins"), info.plugins);
    fillList($("info-transports"), info.transports);
    $("info").hidden = false;
  } catch (err) {
    const detail = err.detail ?? describeError(err);
    $("error").textContent = `The gateway at ${absoluteServer(server)} is unreachable: ${detail}`;
  } finally {
    $("info-loading").hidden = true;
  }
}

$("server").textContent = absoluteServer(server);
propagateServerParam(server);
showInfo();
