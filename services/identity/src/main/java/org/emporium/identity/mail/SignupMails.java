package org.emporium.identity.mail;

import org.emporium.identity.IdentityProperties;
import org.emporium.identity.account.SignupAttempted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The mail after a sign-up: the only place where a new account and an existing one differ, since the
 * answer to the sign-up is the same for both. Sent once the transaction has committed (so a welcome never
 * goes out for an account that was rolled back) and on a thread of its own, so the answer never waits for
 * SMTP and its timing does not tell which mail goes. A failure is logged, with the address masked, and
 * never reaches the shopper. Neither mail repeats anything the sign-up form carried but the address: not
 * the password, and not the name either, which whoever typed someone else's address chose.
 */
@Component
public class SignupMails implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(SignupMails.class);
    /** Mails waiting for SMTP at most; beyond that they are dropped (and logged) rather than fill the heap. */
    private static final int QUEUE = 500;

    private final JavaMailSender sender;
    private final String from;
    private final String loginUrl;
    private final ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();

    public SignupMails(JavaMailSender sender, IdentityProperties properties) {
        this.sender = sender;
        this.from = properties.mailFrom();
        this.loginUrl = properties.issuer().replaceFirst("/+$", "") + "/login";
        // one thread: sign-ups are throttled, and mails in order are easier to follow in the SMTP log
        executor.setCorePoolSize(1);
        executor.setMaxPoolSize(1);
        executor.setQueueCapacity(QUEUE);
        executor.setThreadNamePrefix("signup-mail-");
        // on shutdown, mails already queued still go (each bounded by the SMTP timeouts)
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(20);
        executor.initialize();
    }

    @TransactionalEventListener
    public void onSignup(SignupAttempted signup) {
        SimpleMailMessage mail = signup.created() ? welcome(signup.email()) : alreadyRegistered(signup.email());
        try {
            executor.execute(() -> send(mail, signup.email()));
        } catch (TaskRejectedException e) {
            LOG.warn("sign-up mail to {} dropped: {} mails already wait for SMTP", MaskedEmail.of(signup.email()), QUEUE);
        }
    }

    private SimpleMailMessage welcome(String to) {
        return mail(to, "Your Emporium account is ready", """
                Hello,

                your Emporium account is ready. Sign in at %s with this email address and the password you chose.

                Emporium
                """.formatted(loginUrl));
    }

    private SimpleMailMessage alreadyRegistered(String to) {
        return mail(to, "Someone tried to create an Emporium account with your address", """
                Hello,

                someone (maybe you) tried to create an Emporium account with this email address, which already \
                has one. Nothing was changed.

                If it was you, sign in at %s with the password you chose when you created the account.
                If it was not you, you can ignore this email.

                Emporium
                """.formatted(loginUrl));
    }

    private SimpleMailMessage mail(String to, String subject, String text) {
        SimpleMailMessage mail = new SimpleMailMessage();
        mail.setFrom(from);
        mail.setTo(to);
        mail.setSubject(subject);
        mail.setText(text);
        return mail;
    }

    private void send(SimpleMailMessage mail, String to) {
        try {
            sender.send(mail);
            LOG.info("sign-up mail sent to {}", MaskedEmail.of(to));
        } catch (MailException e) {
            // the SMTP server's refusal may quote the address: masked there too
            String why = String.valueOf(NestedExceptionUtils.getMostSpecificCause(e).getMessage());
            LOG.warn("sign-up mail to {} failed: {}", MaskedEmail.of(to), why.replace(to, MaskedEmail.of(to)));
        }
    }

    @Override
    public void destroy() {
        executor.shutdown();
    }
}
