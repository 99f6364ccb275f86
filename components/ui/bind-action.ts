import type { ActionState, FormAction } from "./action-state";

type Bound = (state: ActionState, form: FormData) => Promise<ActionState>;

const bound = new WeakMap<object, Map<string, Bound>>();

/**
 * `action.bind(null, ...args)`, the same function for the same action and arguments. A form posted
 * without JavaScript is answered by rendering its page with the action's state; React's bind of a
 * server action makes a new pending promise each time, and useActionState, suspending on it while
 * rendering, bound it again on every retry: the server spun forever (vercel/next.js#57867). Bound
 * once, the retry finds the promise settled. The reference's own bind, never Function.prototype's:
 * it is what gives the form the hidden fields a post without JavaScript carries.
 */
export function bindAction<A extends string[]>(action: FormAction<A>, ...args: A): Bound {
  let forAction = bound.get(action);
  if (!forAction) bound.set(action, (forAction = new Map()));
  const key = JSON.stringify(args);
  let fn = forAction.get(key);
  if (!fn) forAction.set(key, (fn = action.bind(null, ...args) as Bound));
  return fn;
}
