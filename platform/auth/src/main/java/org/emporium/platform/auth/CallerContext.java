package org.emporium.platform.auth;

import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import org.emporium.platform.defaults.ProblemException;

/** The caller of the current request, set by {@link BearerTokens} before any resource runs. */
@RequestScoped
public class CallerContext {

    private Caller caller;

    void set(Caller caller) {
        this.caller = caller;
    }

    /** The caller, or empty for an anonymous request (no Authorization header). */
    public Optional<Caller> optional() {
        return Optional.ofNullable(caller);
    }

    /** The caller; an anonymous request is answered 401. */
    public Caller required() {
        if (caller == null) {
            throw AuthenticationRequired.missing("this needs a bearer access token");
        }
        return caller;
    }

    /** An admin (or a service acting with a client-credentials token); otherwise 401 or 403. */
    public Caller requireAdmin() {
        Caller c = required();
        if (!c.isAdmin() && !c.isService()) {
            throw ProblemException.forbidden("this needs the admin role");
        }
        return c;
    }

    /**
     * Whether the caller may see a resource with this owner. An unowned (guest) resource is
     * reachable by anyone holding its id; an owned one needs its owner's token (401 without a
     * token). Callers answer a false with 404, so another's resource looks like no resource.
     */
    public boolean mayAccess(String owner) {
        if (owner == null) {
            return true;
        }
        return required().mayAccess(owner);
    }
}
