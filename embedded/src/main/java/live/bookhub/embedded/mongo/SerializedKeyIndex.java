package live.bookhub.embedded.mongo;

import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.Collection;
import java.util.List;
import java.util.Map.Entry;
import java.util.Objects;

import org.h2.mvstore.MVMap;

import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;

/** H2's unique index, its keys compared as stored ({@link SerializedKey}); the same map as the stock one. */
final class SerializedKeyIndex extends AbstractUniqueIndex<Object> {

    private final MVMap<SerializedKey, Object> map;
    /** The stock index collects its key names anew on each use: several times per document written. */
    private final List<String> keyNames;

    SerializedKeyIndex(MVMap<SerializedKey, Object> map, String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.map = map;
        this.keyNames = List.copyOf(super.keys());
    }

    static MVMap.Builder<SerializedKey, Object> mapBuilder() {
        return new MVMap.Builder<SerializedKey, Object>().keyType(SerializedKey.Type.INSTANCE).valueType(new DocumentIdType());
    }

    @Override
    protected Object removeDocument(KeyValue key) {
        return map.remove(SerializedKey.of(key));
    }

    @Override
    protected boolean putKeyPosition(KeyValue key, Object position) {
        return map.putIfAbsent(SerializedKey.of(key), Missing.ofNullable(position)) == null;
    }

    @Override
    protected Iterable<Entry<KeyValue, Object>> getIterable() {
        return () -> map.entrySet().stream()
                .<Entry<KeyValue, Object>>map(entry -> new SimpleImmutableEntry<>(entry.getKey().keyValue(), entry.getValue()))
                .iterator();
    }

    /**
     * The position of a document's entry, asked of every index for every updated document: the stock
     * answer splits the key's path and streams key sets; a one-field index on a top-level field that holds
     * no array has one key, the field's value (null when absent, as the stock normalization makes it).
     */
    @Override
    public Object getPosition(Document document) {
        if (keyNames.size() == 1 && keyNames.get(0).indexOf('.') < 0) {
            Object value = document.get(keyNames.get(0));
            if (!(value instanceof Collection)) {
                return getPosition(new KeyValue(value).normalized());
            }
        }
        return super.getPosition(document);
    }

    @Override
    protected Object getPosition(KeyValue key) {
        return map.get(SerializedKey.of(key));
    }

    /**
     * Whether an update leaves the document's keys as they were, asked twice per index for every updated
     * document: the stock answer splits each key's path and builds and normalizes both key sets; a
     * top-level field present or absent in both with equal values answers it at once (an update that
     * touches no indexed field), anything else gets the stock answer.
     */
    @Override
    protected boolean nullAwareEqualsKeys(Document oldDocument, Document newDocument) {
        for (String key : keys()) {
            boolean same = key.indexOf('.') < 0 && oldDocument.containsKey(key) == newDocument.containsKey(key)
                    && Objects.equals(oldDocument.get(key), newDocument.get(key));
            if (!same) {
                return super.nullAwareEqualsKeys(oldDocument, newDocument);
            }
        }
        return true;
    }

    @Override
    protected List<String> keys() {
        return keyNames;
    }

    @Override
    public long getCount() {
        return map.sizeAsLong();
    }

    @Override
    public boolean isEmpty() {
        return map.isEmpty();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }
}
