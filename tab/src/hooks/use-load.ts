import { useCallback, useEffect, useState } from 'react';

/** Loads data for a component and reloads it on demand; failures go to the page's error bar. */
export function useLoad<T>(load: () => Promise<T>, onError: (message: string) => void) {
  const [data, setData] = useState<T | undefined>();
  const reload = useCallback(
    () =>
      load().then(setData, (error: unknown) => {
        onError(error instanceof Error ? error.message : String(error));
      }),
    [load, onError],
  );
  useEffect(() => void reload(), [reload]);
  return { data, reload };
}

/** Runs an action, reporting a failure to the page's error bar; true when it succeeded. */
export async function attempt(action: () => Promise<unknown>, onError: (message: string) => void): Promise<boolean> {
  try {
    await action();
    return true;
  } catch (error) {
    onError(error instanceof Error ? error.message : String(error));
    return false;
  }
}

/** Hands a downloaded file to the browser's save flow under the name the server suggested. */
export function saveFile(file: { blob: Blob; fileName: string }): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(file.blob);
  link.download = file.fileName;
  link.click();
  URL.revokeObjectURL(link.href);
}

export { formatJstDateTime as formatJst, jstDate, jstInstant } from '../../../bot/src/kernel/domain/jst.js';
