import { userMessageOf } from '../../../errors.js';
import { noteFailure, type RequestState } from '../../request-state.js';

/**
 * The per-listener error boundary for interactions: a failure is logged in full once and the user
 * gets one friendly sentence; the app keeps serving.
 */
export async function safely(request: RequestState, tell: (sentence: string) => Promise<unknown>, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    noteFailure(request, error);
    await tell(userMessageOf(error));
    request.userNotified = true;
  }
}
