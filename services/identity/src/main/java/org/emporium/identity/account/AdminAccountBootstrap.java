package org.emporium.identity.account;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.emporium.identity.IdentityProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On first start (no account has the admin role) creates {@value #ADMIN_EMAIL}: with the password
 * the deployment gives ({@code EMPORIUM_IDENTITY_ADMIN_PASSWORD}: the launcher's generated secret, a
 * Kubernetes Secret, which outlive a pod), else with a random one written, alone, to the admin
 * password file with permissions 600. The password is never logged. Later starts leave the account
 * and the file alone.
 */
@Component
@Order(10)
public class AdminAccountBootstrap implements ApplicationRunner {

    public static final String ADMIN_EMAIL = "admin@emporium.local";
    private static final Logger LOG = LoggerFactory.getLogger(AdminAccountBootstrap.class);

    private final AccountRepository accounts;
    private final AccountService service;
    private final Path passwordFile;
    private final String givenPassword;
    private final SecureRandom random = new SecureRandom();

    public AdminAccountBootstrap(AccountRepository accounts, AccountService service, IdentityProperties properties) {
        this.accounts = accounts;
        this.service = service;
        this.passwordFile = Path.of(properties.adminPasswordFile());
        this.givenPassword = properties.adminPassword() == null ? "" : properties.adminPassword().strip();
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.anyWithRole(Account.ADMIN)) {
            return;
        }
        String password = givenPassword.isEmpty() ? generated() : givenPassword;
        PasswordPolicy.withEmbeddedList().check(password, ADMIN_EMAIL).ifPresent(why -> {
            throw new IllegalStateException("EMPORIUM_IDENTITY_ADMIN_PASSWORD " + why + ": choose another (the admin account was not created)");
        });
        if (!service.create(ADMIN_EMAIL, password, "Administrator", List.of(Account.ADMIN))) {
            LOG.info("admin account created concurrently by another instance");
            return;
        }
        if (!givenPassword.isEmpty()) {
            LOG.info("created admin account {} with the password given in EMPORIUM_IDENTITY_ADMIN_PASSWORD", ADMIN_EMAIL);
            return;
        }
        write(password);
        LOG.info("created admin account {}; its password is in {}", ADMIN_EMAIL, passwordFile.toAbsolutePath());
    }

    private String generated() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes); // 32 characters
    }

    private void write(String password) {
        try {
            Path dir = passwordFile.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = dir.resolve(passwordFile.getFileName() + ".tmp");
            Files.deleteIfExists(tmp);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(tmp);
            }
            Files.writeString(tmp, password + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, passwordFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the admin password file " + passwordFile.toAbsolutePath(), e);
        }
    }
}
