package lanchat.server.tls;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Owner-only files and folders for secrets ({@code rw-------}, {@code rwx------}). The permissions are given when
 * the file is created, never after, so there is no moment when another user could open it. On a file system
 * without POSIX permissions (Windows) files are made as usual. Static; any thread.
 */
final class OwnerOnly {
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Logger LOG = Logger.getLogger(OwnerOnly.class.getName());

    private OwnerOnly() {
    }

    /** Makes {@code folder} (owner-only) and its parents if missing; an existing folder keeps its permissions. */
    static void createFolder(Path folder) throws IOException {
        if (Files.isDirectory(folder)) {
            return;
        }
        if (POSIX) {
            Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(FOLDER));
        } else {
            Files.createDirectories(folder);
        }
    }

    /** A new file, owner-only from its first moment; fails if it exists. */
    static OutputStream newFile(Path file) throws IOException {
        FileAttribute<?>[] attributes = POSIX
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)} : new FileAttribute<?>[0];
        Files.createFile(file, attributes);
        return Files.newOutputStream(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
    }

    /** Takes group and other permissions away from an existing file, with a warning, as ssh insists on. */
    static void tighten(Path file) throws IOException {
        if (!POSIX || FILE.containsAll(Files.getPosixFilePermissions(file))) {
            return;
        }
        Files.setPosixFilePermissions(file, FILE);
        LOG.warning(file + " was readable by others; made it owner-only (rw-------). If others could read it, "
                + "they can pose as this server: consider a new key");
    }

}
