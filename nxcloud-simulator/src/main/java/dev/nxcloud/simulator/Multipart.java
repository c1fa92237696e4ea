package dev.nxcloud.simulator;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.multipart.Attribute;
import io.netty.handler.codec.http.multipart.DefaultHttpDataFactory;
import io.netty.handler.codec.http.multipart.FileUpload;
import io.netty.handler.codec.http.multipart.HttpPostMultipartRequestDecoder;
import io.netty.handler.codec.http.multipart.InterfaceHttpData;
import org.jspecify.annotations.Nullable;

/**
 * A parsed {@code multipart/form-data} body: its plain fields and its {@code file} part.
 */
record Multipart(Map<String, String> fields, @Nullable FilePart file) {

	static Multipart parse(String contentType, byte[] body) {
		DefaultFullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/",
				Unpooled.wrappedBuffer(body));
		request.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
		HttpPostMultipartRequestDecoder decoder = null;
		try {
			decoder = new HttpPostMultipartRequestDecoder(new DefaultHttpDataFactory(false), request);
			Map<String, String> fields = new LinkedHashMap<>();
			FilePart file = null;
			for (InterfaceHttpData data : decoder.getBodyHttpDatas()) {
				if (data instanceof FileUpload upload && upload.getName().equals("file")) {
					file = new FilePart(upload.getFilename(), upload.getContentType(), upload.get());
				}
				else if (data instanceof Attribute attribute) {
					fields.put(attribute.getName(), attribute.getValue());
				}
			}
			return new Multipart(fields, file);
		}
		catch (IOException | RuntimeException ex) {
			throw ErrorCodes.detailed(Endpoint.MEDIA_UPLOAD, 1002, "malformed multipart body");
		}
		finally {
			if (decoder != null) {
				decoder.destroy();
			}
			request.release();
		}
	}

	/**
	 * The uploaded file.
	 */
	record FilePart(String filename, String contentType, byte[] content) {
	}

}
