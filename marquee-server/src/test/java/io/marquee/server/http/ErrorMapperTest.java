package io.marquee.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.marquee.core.error.ConflictException;
import io.marquee.core.error.DataFormatException;
import io.marquee.core.error.InvalidInputException;
import io.marquee.core.error.NotFoundException;
import io.marquee.registry.serving.ModelUnavailableException;
import org.junit.jupiter.api.Test;

class ErrorMapperTest {
    @Test
    void domain_exceptions_map_to_their_statuses_with_the_message_as_detail() {
        assertThat(ErrorMapper.toError(InvalidInputException.of("n", 0, "between 1 and 100")))
                .isEqualTo(new ApiError("Bad Request", 400, "urn:marquee:error:invalid-input",
                        "n must be between 1 and 100, was 0"));
        assertThat(ErrorMapper.toError(new DataFormatException("f.csv", 3, "bad")).status()).isEqualTo(400);
        assertThat(ErrorMapper.toError(new NotFoundException("film 9 does not exist")).status()).isEqualTo(404);
        assertThat(ErrorMapper.toError(new ConflictException("no")).status()).isEqualTo(409);
        assertThat(ErrorMapper.toError(new ModelUnavailableException("none")).status()).isEqualTo(503);
        assertThat(ErrorMapper.toError(new HttpException(401, "unauthorized", "x")).status()).isEqualTo(401);
    }

    @Test
    void unexpected_exceptions_are_a_500_that_leaks_nothing() {
        ApiError e = ErrorMapper.toError(new IllegalStateException("password=hunter2 at com.secret.Thing"));
        assertThat(e.status()).isEqualTo(500);
        assertThat(e.detail()).doesNotContain("hunter2").doesNotContain("IllegalState").doesNotContain("secret");
    }
}
