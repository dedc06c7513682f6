package org.losslab.scene;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * What the evaluation does not read of a COCO ground truth but a person wants to see: each image's file name and
 * each category's name, by the sorted ids the engine indexes them with. Streams the file and skips the annotations.
 */
public final class CocoCatalogue {
    private final long[] imageIds;
    private final String[] fileNames;
    private final long[] categoryIds;
    private final String[] categoryNames;

    private CocoCatalogue(long[] imageIds, String[] fileNames, long[] categoryIds, String[] categoryNames) {
        this.imageIds = imageIds;
        this.fileNames = fileNames;
        this.categoryIds = categoryIds;
        this.categoryNames = categoryNames;
    }

    /** Names for the dataset's sorted image and category ids; a missing name is the id written out. */
    public static CocoCatalogue read(Path groundTruth, long[] imageIds, long[] categoryIds) throws IOException {
        Map<Long, String> files = new HashMap<>();
        Map<Long, String> names = new HashMap<>();
        try (JsonParser p = new JsonFactory().createParser(groundTruth.toFile())) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new SceneException(groundTruth + ": not a COCO instances object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "images" -> entries(p, "file_name", files);
                    case "categories" -> entries(p, "name", names);
                    default -> p.skipChildren();
                }
            }
        }
        String[] fileNames = new String[imageIds.length];
        Arrays.setAll(fileNames, i -> files.getOrDefault(imageIds[i], null));
        String[] categoryNames = new String[categoryIds.length];
        Arrays.setAll(categoryNames, k -> names.getOrDefault(categoryIds[k], String.valueOf(categoryIds[k])));
        return new CocoCatalogue(imageIds, fileNames, categoryIds, categoryNames);
    }

    /** Each object's id and one text field of it, from an array of objects (the reader already checked them). */
    private static void entries(JsonParser p, String key, Map<Long, String> out) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() == JsonToken.START_OBJECT) {
            Long id = null;
            String value = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken t = p.nextToken();
                if (field.equals("id") && t == JsonToken.VALUE_NUMBER_INT) {
                    id = p.getLongValue();
                } else if (field.equals(key) && t == JsonToken.VALUE_STRING) {
                    value = p.getText();
                } else {
                    p.skipChildren();
                }
            }
            if (id != null && value != null) {
                out.put(id, value);
            }
        }
    }

    public long imageId(int image) {
        return imageIds[image];
    }

    /** The image's file_name, or null when the file gives none. */
    public String fileName(int image) {
        return fileNames[image];
    }

    public String categoryName(int category) {
        return categoryNames[category];
    }

    public long categoryId(int category) {
        return categoryIds[category];
    }

    public int categories() {
        return categoryIds.length;
    }
}
