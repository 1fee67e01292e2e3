// Demo page: microphone → 16-bit PCM at the audio context's own rate → /v1/stream (the server resamples to the
// model's rate) → partial and final text; plus the model panel from GET /v1/models.
'use strict';

const $ = (id) => document.getElementById(id);
const CHUNK_SECONDS = 0.1;
let session = null;

function setStatus(text) { $('status').textContent = text; }

function toPcm16(floats) {
  const pcm = new Int16Array(floats.length);
  for (let i = 0; i < floats.length; i++) {
    const s = Math.max(-1, Math.min(1, floats[i]));
    pcm[i] = s < 0 ? s * 32768 : s * 32767;
  }
  return pcm.buffer;
}

function showFinal(message) {
  if (message.text) {
    $('final').textContent = ($('final').textContent + ' ' + message.text).trim();
  }
  for (const w of message.result || []) {
    const item = document.createElement('li');
    item.textContent = `${w.word} ${w.start.toFixed(2)}–${w.end.toFixed(2)} s (${Math.round(w.conf * 100)}%)`;
    $('words').appendChild(item);
  }
  $('partial').textContent = '';
}

function onMessage(event) {
  const message = JSON.parse(event.data);
  if (message.error) {
    setStatus(`error: ${message.error}`);
  } else if ('partial' in message) {
    $('partial').textContent = message.partial;
  } else if ('text' in message) {
    showFinal(message);
  }
}

async function start() {
  const media = await navigator.mediaDevices.getUserMedia({ audio: { channelCount: 1, echoCancellation: false, noiseSuppression: false } });
  const context = new AudioContext();
  await context.audioWorklet.addModule('pcm-capture.js');
  const source = context.createMediaStreamSource(media);
  const capture = new AudioWorkletNode(context, 'pcm-capture');
  const protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
  const model = $('model').value;
  const socket = new WebSocket(`${protocol}//${location.host}/v1/stream${model ? `?model=${encodeURIComponent(model)}` : ''}`);
  socket.onmessage = onMessage;
  socket.onclose = (e) => setStatus(`closed (${e.code}${e.reason ? ' ' + e.reason : ''})`);
  await new Promise((resolve, reject) => { socket.onopen = resolve; socket.onerror = reject; });
  const phrases = $('phrases').value.split('\n').map((p) => p.trim()).filter((p) => p);
  socket.send(JSON.stringify({ config: { sample_rate: context.sampleRate, words: true, ...(phrases.length ? { phrase_list: phrases } : {}) } }));

  let pending = [];
  let pendingLength = 0;
  const chunk = Math.round(context.sampleRate * CHUNK_SECONDS);
  capture.port.onmessage = (event) => {
    pending.push(event.data);
    pendingLength += event.data.length;
    if (pendingLength >= chunk && socket.readyState === WebSocket.OPEN) {
      const joined = new Float32Array(pendingLength);
      let offset = 0;
      for (const block of pending) { joined.set(block, offset); offset += block.length; }
      pending = []; pendingLength = 0;
      socket.send(toPcm16(joined));
    }
  };
  source.connect(capture);
  session = { media, context, socket };
  setStatus(`listening at ${context.sampleRate} Hz`);
  $('start').disabled = true;
  $('stop').disabled = false;
}

function stop() {
  if (!session) return;
  session.media.getTracks().forEach((t) => t.stop());
  session.context.close();
  if (session.socket.readyState === WebSocket.OPEN) session.socket.send('{"eof" : 1}');
  session = null;
  $('start').disabled = false;
  $('stop').disabled = true;
}

// A table cell holding text; server data never goes through innerHTML, so it cannot inject markup.
function cell(text, code = false) {
  const td = document.createElement('td');
  if (code) {
    const c = document.createElement('code');
    c.textContent = text;
    td.append(c);
  } else {
    td.textContent = text;
  }
  return td;
}

function row(...cells) {
  const tr = document.createElement('tr');
  tr.append(...cells);
  return tr;
}

async function refreshModels() {
  try {
    const response = await fetch('/v1/models');
    const { families } = await response.json();
    $('model-rows').replaceChildren(...families.map((f) => row(
      cell(f.family),
      cell(`${f.sample_rate} Hz`),
      cell(f.serving_version ? String(f.serving_version).slice(0, 12) : '—', true),
      cell(f.dev_frame_accuracy != null ? (f.dev_frame_accuracy * 100).toFixed(2) + ' %' : '—'),
      cell(String(f.versions.length)))));
    const select = $('model');
    for (const f of families) {
      if (![...select.options].some((o) => o.value === f.family)) select.add(new Option(f.family, f.family));
    }
  } catch (e) {
    const failed = cell(`models unavailable: ${e}`);
    failed.colSpan = 5;
    $('model-rows').replaceChildren(row(failed));
  }
}

$('start').onclick = () => start().catch((e) => setStatus(`cannot start: ${e.message || e}`));
$('stop').onclick = stop;
refreshModels();
setInterval(refreshModels, 5000);
if (new URLSearchParams(location.search).has('autostart')) $('start').click();
