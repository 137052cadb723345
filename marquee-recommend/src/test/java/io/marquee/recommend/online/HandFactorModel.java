package io.marquee.recommend.online;

import io.marquee.core.data.IdIndex;
import io.marquee.core.model.ModelArchive;
import io.marquee.core.model.ModelProvenance;
import io.marquee.core.model.TrainingSummary;
import io.marquee.recommend.FactorModel;
import io.marquee.recommend.FactorTopN;
import io.marquee.recommend.ModelIO;
import java.time.Instant;
import java.util.Map;

/**
 * A factor model written by hand for tests: known μ, biases and factors; users and items have ids
 * 100+u and 10+i. A user with an all-zero vector and zero bias counts as unknown.
 */
public final class HandFactorModel implements FactorModel {
    private final IdIndex users;
    private final IdIndex items;
    private final int rank;
    private final float mean;
    private final float[] userBias;
    private final float[] itemBias;
    private final float[] userFactors;
    private final float[] itemFactors;
    private final float lambda;
    private final FactorTopN topNIndex;

    public HandFactorModel(int rank, float mean, float[] userBias, float[] itemBias, float[] userFactors,
                           float[] itemFactors, float lambda) {
        long[] u = new long[userBias.length];
        long[] i = new long[itemBias.length];
        for (int k = 0; k < u.length; k++) {
            u[k] = 100 + k;
        }
        for (int k = 0; k < i.length; k++) {
            i[k] = 10 + k;
        }
        this.users = IdIndex.of(u);
        this.items = IdIndex.of(i);
        this.rank = rank;
        this.mean = mean;
        this.userBias = userBias;
        this.itemBias = itemBias;
        this.userFactors = userFactors;
        this.itemFactors = itemFactors;
        this.lambda = lambda;
        this.topNIndex = FactorTopN.build(itemFactors, itemBias, itemBias.length, rank);
    }

    @Override
    public int rank() {
        return rank;
    }

    @Override
    public float globalMean() {
        return mean;
    }

    @Override
    public float userBias(int user) {
        return user >= 0 && user < userBias.length ? userBias[user] : 0f;
    }

    @Override
    public float itemBias(int item) {
        return itemBias[item];
    }

    @Override
    public void userVector(int user, float[] out) {
        System.arraycopy(userFactors, user * rank, out, 0, rank);
    }

    @Override
    public float[] itemFactorArray() {
        return itemFactors;
    }

    @Override
    public FactorTopN topNIndex() {
        return topNIndex;
    }

    @Override
    public float userRegularization() {
        return lambda;
    }

    @Override
    public IdIndex users() {
        return users;
    }

    @Override
    public IdIndex items() {
        return items;
    }

    @Override
    public boolean knowsUser(int user) {
        if (user < 0 || user >= userBias.length) {
            return false;
        }
        if (userBias[user] != 0) {
            return true;
        }
        for (int f = 0; f < rank; f++) {
            if (userFactors[user * rank + f] != 0) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void scoreAll(int user, float[] out) {
        boolean known = knowsUser(user);
        for (int i = 0; i < itemBias.length; i++) {
            float s = mean + itemBias[i];
            if (known) {
                s += userBias[user];
                for (int f = 0; f < rank; f++) {
                    s += userFactors[user * rank + f] * itemFactors[i * rank + f];
                }
            }
            out[i] = s;
        }
    }

    @Override
    public ModelProvenance provenance() {
        return new ModelProvenance("hand", Map.of(), 0, "none", Instant.EPOCH, "test");
    }

    @Override
    public TrainingSummary summary() {
        return new TrainingSummary(new double[0], 0);
    }

    @Override
    public ModelArchive.Writer toArchive() {
        return ModelIO.writer(this, users, items);
    }
}
