/**
 * Whether this browser can draw a WebGL map. Some phones, locked-down desktops and browsers with
 * hardware acceleration off cannot; the pages then show their lists with a short message instead
 * of an empty box. Asked once: creating contexts is not free.
 */
let answer: boolean | undefined;

export function webglAvailable(): boolean {
  if (answer !== undefined) return answer;
  try {
    const canvas = document.createElement('canvas');
    answer = Boolean(canvas.getContext('webgl2') ?? canvas.getContext('webgl'));
  } catch {
    answer = false;
  }
  return answer;
}
