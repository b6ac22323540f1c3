package lanchat.protocol.json;

import com.google.gson.Gson;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.reflect.TypeToken;

/**
 * Gives Gson a {@link MessageAdapter} for every message record listed in {@link MessageTypes}, so the record is
 * written with its {@code "type"} label first; any other type is left to Gson's other factories. Registered once,
 * on the codec's shared Gson.
 */
final class MessageAdapterFactory implements TypeAdapterFactory {
    @Override
    public <T> TypeAdapter<T> create(Gson gson, TypeToken<T> type) {
        Class<? super T> raw = type.getRawType();
        if (!MessageTypes.COMMANDS.contains(raw) && !MessageTypes.EVENTS.contains(raw)) {
            return null;
        }
        @SuppressWarnings("unchecked")
        Class<T> record = (Class<T>) raw;
        return new MessageAdapter<>(gson, record);
    }
}
