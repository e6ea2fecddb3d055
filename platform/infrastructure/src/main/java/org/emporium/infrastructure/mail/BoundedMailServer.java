package org.emporium.infrastructure.mail;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.configuration.PropertiesBasedGreenMailConfigurationBuilder;
import com.icegreen.greenmail.standalone.GreenMailApiServerBuilder;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.PropertiesBasedServerSetupBuilder;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Flags;
import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GreenMail's standalone server (the same {@code -Dgreenmail.*} settings, the same REST API) with
 * a bounded store: it keeps the newest {@code emporium.mail.max-messages} mails (500 unless set,
 * as Mailpit keeps in the cluster) and drops the oldest as a new one comes, with its recipient's
 * mailbox once that holds nothing more. GreenMail itself keeps every mail until it runs out of heap.
 *
 * <p>The bound is kept where GreenMail delivers: its {@link MessageDeliveryHandler} names the
 * recipient of each mail just before the mail is stored, so this server knows the order mails
 * arrive in across all mailboxes and, before storing one past the bound, removes the oldest (the
 * first mail in the mailbox of the oldest arrival still counted). Counting is exact while
 * deliveries are not outrun by more concurrent ones than the bound; a purge or reset through the
 * API only leaves fewer mails than counted, never more.
 */
public final class BoundedMailServer extends GreenMail {

    /** The system property that bounds the store. */
    public static final String MAX_MESSAGES = "emporium.mail.max-messages";
    public static final int DEFAULT_MAX_MESSAGES = 500;

    private static final Logger LOG = LoggerFactory.getLogger(BoundedMailServer.class);

    private final int maxMessages;

    public BoundedMailServer(ServerSetup[] setups, int maxMessages) {
        super(setups);
        if (maxMessages < 1) {
            throw new IllegalArgumentException(MAX_MESSAGES + " must be at least 1, not " + maxMessages);
        }
        this.maxMessages = maxMessages;
    }

    /**
     * Each start, a reset through the API included, runs on managers of its own (a stop makes new
     * ones): each gets the bound. Not in {@code createServices}: GreenMail's constructor calls that
     * before this class has its bound.
     */
    @Override
    public synchronized void start() {
        Managers managers = getManagers();
        UserManager users = managers.getUserManager();
        if (!(users.getMessageDeliveryHandler() instanceof Bound)) {
            users.setMessageDeliveryHandler(new Bound(users, users.getMessageDeliveryHandler(), managers, maxMessages));
        }
        super.start();
    }

    /** What GreenMail's standalone runner does, with this server in place of a plain GreenMail. */
    public static void main(String[] args) throws ReflectiveOperationException {
        Properties properties = System.getProperties();
        ServerSetup[] setups = new PropertiesBasedServerSetupBuilder().build(properties);
        if (setups == null || setups.length == 0) {
            throw new IllegalArgumentException("no mail server set up: give -Dgreenmail.smtp.port=... and its hostname");
        }
        int max = Integer.parseInt(properties.getProperty(MAX_MESSAGES, String.valueOf(DEFAULT_MAX_MESSAGES)).strip());
        GreenMailConfiguration configuration = new PropertiesBasedGreenMailConfigurationBuilder().build(properties);
        BoundedMailServer server = new BoundedMailServer(setups, max);
        server.withConfiguration(configuration);
        LOG.info("Starting GreenMail keeping the newest {} mails, using {}", max, List.of(setups));
        server.start();
        GreenMailApiServerBuilder api = new GreenMailApiServerBuilder().configure(properties);
        if (api.isEnabled()) {
            // the server's type is package-private in GreenMail, its methods are reached reflectively
            Object apiServer = api.withGreenMail(server, setups, configuration).build();
            Method uri = apiServer.getClass().getMethod("getUri");
            Method start = apiServer.getClass().getMethod("start");
            uri.setAccessible(true);
            start.setAccessible(true);
            LOG.info("Starting GreenMail API server at {}", uri.invoke(apiServer));
            start.invoke(apiServer);
        }
    }

    /** Wraps GreenMail's own handler (which finds or, with authentication off, creates the recipient). */
    static final class Bound implements MessageDeliveryHandler {

        private final UserManager users;
        private final MessageDeliveryHandler delegate;
        private final Managers managers;
        private final int max;
        /** the recipient of each mail counted, oldest first */
        private final ArrayDeque<String> arrivals = new ArrayDeque<>();
        /** how many of the counted mails each recipient has */
        private final Map<String, Integer> counted = new HashMap<>();

        Bound(UserManager users, MessageDeliveryHandler delegate, Managers managers, int max) {
            this.users = users;
            this.delegate = delegate;
            this.managers = managers;
            this.max = max;
        }

        @Override
        public synchronized GreenMailUser handle(com.icegreen.greenmail.mail.MovingMessage message,
                                                 com.icegreen.greenmail.mail.MailAddress address)
                throws jakarta.mail.MessagingException, com.icegreen.greenmail.user.UserException {
            GreenMailUser recipient = delegate.handle(message, address);
            String email = recipient.getEmail();
            arrivals.addLast(email);
            counted.merge(email, 1, Integer::sum);
            while (arrivals.size() > max) {
                dropOldest(arrivals.removeFirst());
            }
            return recipient;
        }

        /** Removes the first mail of that recipient's inbox, and the recipient once nothing of theirs is counted. */
        private void dropOldest(String email) {
            int left = counted.merge(email, -1, Integer::sum);
            if (left <= 0) {
                counted.remove(email);
            }
            GreenMailUser user = users.getUserByEmail(email);
            if (user == null) {
                return; // deleted through the API meanwhile
            }
            try {
                MailFolder inbox = managers.getImapHostManager().getInbox(user);
                List<StoredMessage> messages = inbox.getMessages();
                if (!messages.isEmpty()) {
                    messages.getFirst().setFlag(Flags.Flag.DELETED, true);
                    inbox.expunge();
                }
                if (left <= 0 && inbox.getMessageCount() == 0) {
                    users.deleteUser(user);
                }
            } catch (FolderException | RuntimeException e) {
                LOG.warn("Could not drop the oldest mail of {}", email, e);
            }
        }
    }
}
