// Loads the effective policy once for the settings page (the shell's managed policy, or the server's settings in a browser).
import { useEffect, useState } from 'react';
import { getEffectivePolicy, type EffectivePolicyView } from '../../platform/policy';

export function useEffectivePolicy(): EffectivePolicyView | null {
  const [view, setView] = useState<EffectivePolicyView | null>(null);
  useEffect(() => {
    let current = true;
    void getEffectivePolicy().then((loaded) => {
      if (current) setView(loaded);
    });
    return () => {
      current = false;
    };
  }, []);
  return view;
}
