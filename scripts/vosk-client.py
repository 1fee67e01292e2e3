#!/usr/bin/env python3
"""Transcribes a WAV file over a Vosk-server WebSocket the way Vosk's example clients do: a config message with the
file's sample rate, 0.2 s binary chunks each followed by reading one reply, then {"eof" : 1} and one last reply.
Prints every reply on its own line. Works against Vosk server and against AcousticDistill's /v1/stream.

Usage: /usr/bin/python3 scripts/vosk-client.py FILE.wav [ws://127.0.0.1:2700/v1/stream]   (Debian: apt install python3-websockets)
"""
import asyncio
import sys
import wave

import websockets


async def transcribe(path, uri):
    async with websockets.connect(uri) as socket:
        with wave.open(path, "rb") as audio:
            await socket.send('{ "config" : { "sample_rate" : %d } }' % audio.getframerate())
            frames = int(audio.getframerate() * 0.2)
            while True:
                chunk = audio.readframes(frames)
                if not chunk:
                    break
                await socket.send(chunk)
                print(await socket.recv(), flush=True)
        await socket.send('{"eof" : 1}')
        print(await socket.recv(), flush=True)


if __name__ == "__main__":
    asyncio.run(transcribe(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else "ws://127.0.0.1:2700/v1/stream"))
