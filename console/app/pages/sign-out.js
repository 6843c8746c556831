import { session } from '../session.js';

export const signedOut = true;

export async function render() {
  session.end();
  location.replace('/sign-in?signedOut=1');
  return null;
}
