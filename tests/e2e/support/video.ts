// Video call checks for end-to-end tests: Chromium launch flags for fake camera/microphone, frames of a
// <video> counted with requestVideoFrameCallback, and a network cut that really makes the call fail.
import { expect } from '@playwright/test';
import type { APIRequestContext, BrowserContext, Page } from '@playwright/test';
import { DEVICE_HEADER, LoginResponseSchema } from '../../../shared/api/auth';
import { VisitDetailSchema } from '../../../shared/api/visits';
import { demoPassword, demoUser } from './demo-users';

/** Fake devices (a test pattern and a beep) that need no permission prompt; autoplay without a gesture. */
export const FAKE_MEDIA_ARGS = ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', '--autoplay-policy=no-user-gesture-required'];

/** Frames the labelled <video> presented during `ms`, and its size. */
export async function framesDuring(page: Page, videoLabel: string, ms = 1_000): Promise<{ frames: number; width: number }> {
  return page.getByRole('main').locator(`video[aria-label="${videoLabel}"]`).evaluate((el, duration) => new Promise<{ frames: number; width: number }>((resolve) => {
    const video = el as HTMLVideoElement;
    let frames = 0;
    let done = false;
    const count = () => {
      if (done) return;
      frames += 1;
      video.requestVideoFrameCallback(count);
    };
    video.requestVideoFrameCallback(count);
    setTimeout(() => {
      done = true;
      resolve({ frames, width: video.videoWidth });
    }, duration);
  }), ms);
}

/** Waits until remote frames arrive and keep advancing (at least `minFrames` per second). */
export async function expectFramesFlowing(page: Page, videoLabel: string, timeout = 20_000, minFrames = 5): Promise<void> {
  await expect.poll(async () => {
    const { frames, width } = await framesDuring(page, videoLabel);
    return width > 0 && frames >= minFrames;
  }, { timeout, intervals: [250], message: `${videoLabel}: frames should be arriving` }).toBe(true);
}

/**
 * Test-only instrumentation added to a page before it loads: keeps the page's RTCPeerConnections and counts its
 * WebSocket closes, so the test can see what a network cut really did and make the peer fail.
 */
export async function instrumentPeers(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const probe = { peers: [] as RTCPeerConnection[], socketCloses: 0 };
    (window as unknown as { __videoProbe: typeof probe }).__videoProbe = probe;
    const NativePc = window.RTCPeerConnection;
    window.RTCPeerConnection = class extends NativePc {
      constructor(config?: RTCConfiguration) {
        super(config);
        probe.peers.push(this);
      }
    } as typeof RTCPeerConnection;
    const NativeWs = window.WebSocket;
    window.WebSocket = class extends NativeWs {
      constructor(url: string | URL, protocols?: string | string[]) {
        super(url, protocols);
        this.addEventListener('close', () => { probe.socketCloses += 1; });
      }
    } as typeof WebSocket;
  });
}

export const socketCloses = (page: Page): Promise<number> => page.evaluate(() => (window as unknown as { __videoProbe: { socketCloses: number } }).__videoProbe.socketCloses);

/**
 * Cuts the patient's network as far as Chromium allows, and makes the peer fail. context.setOffline() fails the
 * page's HTTP and closes its WebSocket (signaling), but Chromium keeps an established WebRTC flow going on loopback
 * (DevTools network emulation, packetLoss included, does not reach PeerConnections: crbug.com/563644), so the
 * page's live RTCPeerConnections are closed as well: the peer fails as it would when its network path dies.
 */
export async function cutNetwork(context: BrowserContext, page: Page): Promise<void> {
  await context.setOffline(true);
  await page.evaluate(() => {
    for (const pc of (window as unknown as { __videoProbe: { peers: RTCPeerConnection[] } }).__videoProbe.peers) if (pc.connectionState !== 'closed') pc.close();
  });
}

export async function restoreNetwork(context: BrowserContext): Promise<void> {
  await context.setOffline(false);
}

/** The visit's status as the care server holds it, read over the API as the demo clinician (a separate device). */
export async function visitStatusOnServer(request: APIRequestContext, baseURL: string, visitId: string): Promise<string> {
  const login = await request.post(`${baseURL}/api/auth/login`, { headers: { [DEVICE_HEADER]: 'e2e-video-checker' }, data: { email: demoUser('clinician').email, password: demoPassword } });
  const body = LoginResponseSchema.parse(await login.json());
  if (body.status !== 'signed_in') throw new Error(`expected signed_in, got ${body.status}`);
  const response = await request.get(`${baseURL}/api/visits/${visitId}`, { headers: { [DEVICE_HEADER]: 'e2e-video-checker', authorization: `Bearer ${body.accessToken}` } });
  expect(response.status()).toBe(200);
  return VisitDetailSchema.parse(await response.json()).visit.status;
}
