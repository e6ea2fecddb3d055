/** Accounts: sign in, sign up and sign out over the OpenID code flow, and "My orders". */
package org.emporium.storefront.web.account;
