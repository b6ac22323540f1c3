package lanchat.client.files;

import java.nio.file.Path;

/**
 * The folders file transfers use: the user's home, for a path typed as {@code ~/…}, and the download folder
 * ({@code --download-dir}), where accepted files are saved unless {@code /accept} names another folder.
 *
 * @param home      the user's home folder
 * @param downloads the default folder for received files
 */
public record FileFolders(Path home, Path downloads) {

    /** The default download folder: {@code ~/Downloads/lanchat}. */
    public static Path defaultDownloads(Path home) {
        return home.resolve("Downloads").resolve("lanchat");
    }

    /**
     * A path the user typed, absolute: {@code ~} and {@code ~/x} are under the home folder, a relative path is
     * taken from the current directory.
     *
     * @throws java.nio.file.InvalidPathException when it cannot be a path on this system
     */
    public Path resolve(String typed) {
        if (typed.equals("~")) {
            return home;
        }
        if (typed.startsWith("~/")) {
            return home.resolve(typed.substring(2)).normalize();
        }
        return Path.of(typed).toAbsolutePath().normalize();
    }
}
