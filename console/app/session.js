// The signed-in key lives in this tab's sessionStorage: it goes when the tab closes, and it never leaves the tab
// except as the Authorization header of the console's own calls to /api.

const keyItem = 'housingledger.key';
const callerItem = 'housingledger.caller';

export const session = {
  key: () => sessionStorage.getItem(keyItem),

  /** Who the key is ({role, associationId, associationName}), as GET /api/caller answered at sign-in. */
  caller: () => JSON.parse(sessionStorage.getItem(callerItem) ?? 'null'),

  begin(key, caller) {
    sessionStorage.setItem(keyItem, key);
    sessionStorage.setItem(callerItem, JSON.stringify(caller));
  },

  end() {
    sessionStorage.removeItem(keyItem);
    sessionStorage.removeItem(callerItem);
  },
};
