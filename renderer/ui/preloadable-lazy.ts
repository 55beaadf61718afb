// React.lazy that stops suspending once its code is here. React holds back the reveal of a suspended boundary
// (up to 300 ms after its fallback showed), so a chunk preloaded while the session is restored renders at once
// instead of adding that delay, once per nested boundary, to every start of the workstation.
import { createElement, lazy } from 'react';
import type { ComponentType, ReactElement } from 'react';

export interface PreloadableComponent<P extends object> {
  (props: P): ReactElement;
  /** Loads the code now (once); rendering afterwards does not suspend. */
  preload(): Promise<void>;
  /** The code is here: rendering will not suspend. */
  isLoaded(): boolean;
}

export function preloadableLazy<P extends object>(load: () => Promise<ComponentType<P>>): PreloadableComponent<P> {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | null = null;
  const get = (): Promise<ComponentType<P>> =>
    (loading ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        loading = null; // offline before the chunk was cached: a later render may try again
        throw error;
      },
    ));
  const Lazy = lazy(async () => ({ default: await get() }));
  const View = (props: P): ReactElement => (loaded ? createElement(loaded, props) : createElement(Lazy as ComponentType<P>, props));
  return Object.assign(View, { preload: () => get().then(() => undefined), isLoaded: () => loaded !== null });
}
