package org.sectorcrm.examples.attachments;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;

/**
 * The type of a file by its content (Apache Tika's magic-byte detection, tika-core only). The file name is heard only
 * to <em>narrow</em> what the content already shows: a ZIP holding {@code [Content_Types].xml} named {@code .docx} is
 * a Word document, a text named {@code .csv} is CSV. A name never names a type the content does not show: a Windows
 * program named {@code form.pdf} stays a program, and bytes without any signature stay {@code application/octet-stream}
 * (never allowed), whatever their name.
 */
final class ContentTypes {
    private static final MimeTypes TYPES = MimeTypes.getDefaultMimeTypes();

    private ContentTypes() {
    }

    /** The media type of the stored file {@code content} ({@code type/subtype}, no parameters). */
    static String detect(Path content, String filename) throws IOException {
        MediaType byContent;
        try (InputStream in = TikaInputStream.get(content)) {
            byContent = TYPES.detect(in, new Metadata());
        }
        MediaType type = byContent;
        if (filename != null && !byContent.equals(MediaType.OCTET_STREAM)) {
            Metadata named = new Metadata();
            named.set(TikaCoreProperties.RESOURCE_NAME_KEY, filename);
            MediaType byName = TYPES.detect(null, named);
            MediaTypeRegistry registry = TYPES.getMediaTypeRegistry();
            if (registry.isSpecializationOf(byName, byContent)) {
                type = byName;
            }
        }
        return type.getBaseType().toString();
    }
}
